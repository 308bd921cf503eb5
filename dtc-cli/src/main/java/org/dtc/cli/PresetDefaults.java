package org.dtc.cli;

import java.util.ListResourceBundle;
import java.util.Map;
import java.util.function.Function;
import org.dtc.engine.EngineConfig;

/**
 * The presets' values as the help shows them ({@code ${bundle:preset.lr}} in an option's description):
 * "0.001" where both presets agree, "reference I, paper II" where they differ. Read from
 * {@link EngineConfig#reference()} and {@link EngineConfig#paper()}, so the help cannot drift
 * from the code.
 */
public final class PresetDefaults extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        EngineConfig reference = EngineConfig.reference();
        EngineConfig paper = EngineConfig.paper();
        Object[][] contents = new Object[EngineOptions.SHOWN.size()][];
        int i = 0;
        for (Map.Entry<String, Function<EngineConfig, Object>> e : EngineOptions.SHOWN.entrySet()) {
            String r = String.valueOf(e.getValue().apply(reference));
            String p = String.valueOf(e.getValue().apply(paper));
            contents[i++] = new Object[] {"preset." + e.getKey(), r.equals(p) ? r : "reference " + r + ", paper " + p};
        }
        return contents;
    }
}
