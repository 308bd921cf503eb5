package org.dtc.engine;

/** How a cycle chooses the neurons of a hidden layer to keep. Implement it to try your own rule. */
public interface PruningStrategy {
    /** The name results carry, such as "dtc". */
    String name();

    LayerDecision decide(LayerInput layer);

    /** The built-in strategies by name: dtc, random, magnitude. */
    static PruningStrategy named(String name) {
        return switch (name) {
            case "dtc" -> new DtcStrategy();
            case "random" -> new RandomStrategy();
            case "magnitude" -> new MagnitudeStrategy();
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "': known are dtc, random, "
                    + "magnitude");
        };
    }
}
