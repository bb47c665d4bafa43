/**
 * Listener-relative features: columns computed from the listener's own library (artist share, release-year closeness,
 * ...) and appended to every training row and candidate; fitted once per listener and saved with a trained
 * recommender.
 */
package org.audiu.core.spi.listener;
