package org.dtc.nn;

/** Training cannot go on: the loss became NaN or infinite. The message names the batch. */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) {
        super(message);
    }
}
