package org.dtc.study;

import java.util.List;
import org.dtc.data.TrainTest;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.Experiment;
import org.dtc.engine.PruningStrategy;
import org.dtc.engine.SizeSequence;
import org.dtc.nn.Mlp;
import org.dtc.nn.NetworkSize;

/**
 * One dataset and architecture of a study, with what its cells share: the configuration (and
 * the same with fine-tuning's batches per cycle), the data, the size sequence every schedule
 * passes through, the dense network's size, and the criteria compared with DTC's choices.
 */
public record StudySetting(String dataset, String arch, EngineConfig config, EngineConfig fineTuneConfig,
                           TrainTest data, List<int[]> sizes, NetworkSize initialSize,
                           List<String> overlapCriteria) {

    /**
     * Checks that the criteria can rank this network and the data fits it, before anything runs:
     * a criterion that cannot (bn-scale without batch norm) or an architecture the data does not
     * fit is refused by name.
     */
    public static StudySetting of(String dataset, String arch, EngineConfig config, TrainTest data,
                                  int fineTuneBatches, List<String> criteria) {
        try {
            Experiment.checkInputs(config, data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--archs " + arch + " does not fit " + dataset + ": " + e.getMessage(), e);
        }
        for (String c : criteria) {
            try {
                PruningStrategy.named(c).check(config);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--criteria " + c + " on " + arch + ": " + e.getMessage(), e);
            }
        }
        EngineConfig fineTune = config.withTraining(t -> t.withBatchesPerCycle(fineTuneBatches));
        NetworkSize initial = new Mlp(config.network(), 1).size();
        List<String> others = criteria.contains("dtc") ? criteria.stream().filter(c -> !c.equals("dtc")).toList()
                : List.of();
        return new StudySetting(dataset, arch, config, fineTune, data, SizeSequence.of(config), initial, others);
    }

    /** The key cells find their setting by. */
    public String key() {
        return key(dataset, arch);
    }

    static String key(String dataset, String arch) {
        return dataset + " " + arch;
    }
}
