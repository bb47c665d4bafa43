/**
 * The discovery ranker: a second stage for a listener with a listening history, learned from that listener's own
 * past discoveries. Tracks the listener first played late in the history are the positives, the rest of the
 * catalogue the negatives, and the features are what the earlier plays say about each candidate (the plays and
 * songs of its artists, matched to the catalogue or not, their early skips, its popularity, its sound against the
 * library's, and where the single-stage engine ranks it). The learned weights then rank the catalogue from the
 * whole history. See {@link org.audiu.core.discovery.DiscoveryRanker}.
 */
package org.audiu.core.discovery;
