package org.dtc.study;

/**
 * How another criterion would have pruned the layer DTC pruned, on DTC's own network at that
 * cycle of train-compress: the Jaccard index of the two removed sets and the Spearman
 * correlation of their keep priorities (NaN for random, which has no scores).
 */
public record OverlapRow(String dataset, String arch, long seed, int cycle, int layer, String criterion, int removed,
                         double jaccard, double spearman) implements java.io.Serializable {}
