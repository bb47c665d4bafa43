package org.audiu.core;

/** Spotify's time ranges for top artists and tracks. */
public enum TimeRange {
    /** About the last 4 weeks. */
    SHORT_TERM,
    /** About the last 6 months. */
    MEDIUM_TERM,
    /** About the last year. */
    LONG_TERM
}
