package org.dtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTableTest {
    private static String entry(String method, String params, String... iterations) {
        return "{\"benchmark\" : \"org.dtc.bench." + method + "\", \"params\" : {" + params + "},"
                + " \"primaryMetric\" : {\"score\" : 1.0, \"scoreUnit\" : \"us/op\", \"rawData\" : [ [ "
                + String.join(", ", iterations) + " ] ] } }";
    }

    @Test
    void pairsOursWithThePeerAndTakesMedians() {
        String json = "[" + entry("GemmBenchmark.ours", "\"shape\" : \"512x512x784:TN\"", "2.0", "9.0", "1.0") + ", "
                + entry("GemmBenchmark.ejml", "\"shape\" : \"512x512x784:TN\"", "70.0", "60.0", "80.0") + ", "
                + entry("TrainStepBenchmark.step", "\"hidden\" : \"64\"", "0.9", "0.8", "1.0") + "]";
        String table = BenchTable.render(json);
        assertThat(table).contains("GemmBenchmark shape=512x512x784:TN")
                .contains("2.000").contains("70.000").contains("35.0x").contains("(peer: ejml)")
                .contains("TrainStepBenchmark hidden=64 step").contains("0.900");
    }
}
