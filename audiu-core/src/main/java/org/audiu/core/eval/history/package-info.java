/**
 * Evaluation on a listener's own listening history split in time: learn from the plays before a date, find the
 * tracks first played after it, against the playlist baselines.
 */
package org.audiu.core.eval.history;
