/**
 * Training: a {@link org.audiu.core.spi.training.Trainer} learns a {@link org.audiu.core.spi.training.TrainedModel}
 * from {@link org.audiu.core.spi.training.LabelledData}; models save to bytes that a {@link
 * org.audiu.core.spi.training.TrainedModelReader} found through {@link java.util.ServiceLoader} reads back.
 */
package org.audiu.core.spi.training;
