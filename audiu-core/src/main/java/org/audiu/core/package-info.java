/**
 * audiU value types: tracks, audio features, the listener's library and recommendations.
 * Every type here is immutable; collections passed in are copied.
 */
package org.audiu.core;
