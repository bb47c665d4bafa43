/**
 * Candidate sources: the pool of tracks to recommend from, streamed ({@link
 * org.audiu.core.spi.candidates.CandidateSource}), with inline features when the source has them, and optionally the
 * catalogue's playlists ({@link org.audiu.core.spi.candidates.CoMembershipIndex}).
 */
package org.audiu.core.spi.candidates;
