package org.dtc.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dtc.core.Json;
import org.dtc.data.Dataset;
import org.dtc.data.DatasetSpec;
import org.dtc.data.TrainTest;
import org.dtc.engine.ConfigJson;
import org.dtc.study.StudySetting;

/**
 * A study setting in the form that travels to Spark's executors: its configuration as JSON (the
 * form checkpoints keep it in), its data as the arrays the driver loaded and verified. An
 * executor rebuilds the same setting from it, to the bit.
 */
record PortableSetting(String dataset, String arch, String config, int fineTuneBatches, List<String> criteria,
                       Split train, Split test) implements Serializable {

    /** A split's normalised images and labels as loaded. */
    record Split(float[] inputs, int[] labels, int height, int width, int classes) implements Serializable {
        static Split of(Dataset d) {
            return new Split(d.inputs(), d.labels(), d.height(), d.width(), d.classes());
        }

        Dataset toDataset() {
            return Dataset.of(inputs, labels, height, width, classes);
        }
    }

    static PortableSetting of(StudySetting s) {
        // The criteria the setting was checked with: DTC and those whose overlap with it is measured.
        List<String> criteria = new ArrayList<>();
        if (!s.overlapCriteria().isEmpty()) {
            criteria.add("dtc");
            criteria.addAll(s.overlapCriteria());
        }
        return new PortableSetting(s.dataset(), s.arch(), Json.of(ConfigJson.toMap(s.config())),
                s.fineTuneConfig().training().batchesPerCycle(), criteria, Split.of(s.data().train()),
                Split.of(s.data().test()));
    }

    StudySetting toSetting() {
        TrainTest data = new TrainTest(DatasetSpec.named(dataset), train.toDataset(), test.toDataset());
        return StudySetting.of(dataset, arch, ConfigJson.fromMap((Map<?, ?>) Json.parse(config)), data,
                fineTuneBatches, criteria);
    }
}
