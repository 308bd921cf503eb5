package org.dtc.data;

/** A dataset's two splits, loaded and verified. */
public record TrainTest(DatasetSpec spec, Dataset train, Dataset test) {}
