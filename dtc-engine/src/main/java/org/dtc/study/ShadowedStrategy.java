package org.dtc.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dtc.core.Statistics;
import org.dtc.engine.EngineConfig;
import org.dtc.engine.LayerDecision;
import org.dtc.engine.LayerInput;
import org.dtc.engine.PruningStrategy;

/**
 * A strategy that decides as its primary does and asks other criteria, on the same layer and
 * network, what they would have removed: the overlap of criteria measured where the networks
 * are the same. The others only read the layer, so the primary's run is unchanged to the bit.
 */
final class ShadowedStrategy implements PruningStrategy {
    private final PruningStrategy primary;
    private final List<PruningStrategy> shadows;
    private final Cell cell;
    private final List<OverlapRow> rows = Collections.synchronizedList(new ArrayList<>());

    ShadowedStrategy(PruningStrategy primary, List<PruningStrategy> shadows, Cell cell) {
        this.primary = primary;
        this.shadows = List.copyOf(shadows);
        this.cell = cell;
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public void check(EngineConfig config) {
        primary.check(config);
    }

    @Override
    public LayerDecision decide(LayerInput layer) {
        LayerDecision own = primary.decide(layer);
        boolean[] removedByOwn = removed(own.keep(), layer.units());
        double[] ownPriority = own.keepPriority();
        for (PruningStrategy shadow : shadows) {
            LayerDecision other = shadow.decide(layer);
            boolean[] removedByOther = removed(other.keep(), layer.units());
            int both = 0;
            int either = 0;
            int count = 0;
            for (int u = 0; u < layer.units(); u++) {
                both += removedByOwn[u] && removedByOther[u] ? 1 : 0;
                either += removedByOwn[u] || removedByOther[u] ? 1 : 0;
                count += removedByOther[u] ? 1 : 0;
            }
            double[] otherPriority = other.keepPriority();
            double spearman = ownPriority == null || otherPriority == null ? Double.NaN
                    : Statistics.spearman(ownPriority, otherPriority);
            rows.add(new OverlapRow(cell.dataset(), cell.arch(), cell.seed(), layer.cycle(), layer.layer(),
                    shadow.name(), count, either == 0 ? 1.0 : (double) both / either, spearman));
        }
        return own;
    }

    private static boolean[] removed(int[] keep, int units) {
        boolean[] removed = new boolean[units];
        java.util.Arrays.fill(removed, true);
        for (int u : keep) {
            removed[u] = false;
        }
        return removed;
    }

    /** The overlaps so far, in the order the cycles and layers came. */
    List<OverlapRow> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }
}
