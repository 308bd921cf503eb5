package org.dtc.engine;

/** How a cycle chooses the neurons of a hidden layer to keep. Implement it to try your own rule. */
public interface PruningStrategy {
    /** The name results carry, such as "dtc". */
    String name();

    LayerDecision decide(LayerInput layer);

    /** Refuses, before any training, a configuration this strategy cannot rank under. */
    default void check(EngineConfig config) {
    }

    /** The built-in strategies' names, the paper's three first. */
    java.util.List<String> NAMES = java.util.List.of("dtc", "random", "magnitude", "l1", "l2", "taylor", "apoz",
            "activation", "fpgm", "bn-scale");

    /** The built-in strategies by name (see {@link #NAMES}). */
    static PruningStrategy named(String name) {
        return switch (name) {
            case "dtc" -> new DtcStrategy();
            case "random" -> new RandomStrategy();
            case "magnitude" -> new MagnitudeStrategy();
            case "l1" -> new GroupNormStrategy(1);
            case "l2" -> new GroupNormStrategy(2);
            case "taylor" -> CalibratedStrategy.taylor();
            case "apoz" -> CalibratedStrategy.apoz();
            case "activation" -> CalibratedStrategy.activation();
            case "fpgm" -> new FpgmStrategy();
            case "bn-scale" -> new BnScaleStrategy();
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "': known are "
                    + String.join(", ", NAMES));
        };
    }
}
