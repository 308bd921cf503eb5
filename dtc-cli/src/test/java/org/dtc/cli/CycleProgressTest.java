package org.dtc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.dtc.cs.SolverStatus;
import org.dtc.engine.CycleRecord;
import org.dtc.engine.EngineConfig;
import org.dtc.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

class CycleProgressTest {
    private static CycleRecord record(int cycle, int hidden) {
        return new CycleRecord("dtc", 1, cycle, new int[] {hidden}, 0.5, 0.9512, 0.1, 1, 2,
                List.of(new CycleRecord.Layer(hidden, new double[0], new double[0], 1, 2, 0, 0, null,
                        SolverStatus.SOLVED, 0, 0)),
                0.25, 1e9, new org.dtc.nn.NetworkSize(100, 90, 200), 0.3, 0.05);
    }

    @Test
    void theReferenceRunIsThirtyFourCycles() {
        assertThat(CycleProgress.expectedCycles(EngineConfig.reference())).isEqualTo(34);
        assertThat(CycleProgress.expectedCycles(EngineConfig.reference().withSchedule(200, 512, 5))).isEqualTo(5);
        EngineConfig deep = EngineConfig.reference().withNetwork(NetworkSpec.parse("784-512-64-10"));
        assertThat(CycleProgress.expectedCycles(deep)).isEqualTo(15); // 64, 57, 51, ..., 11, 9: the second layer stops it
    }

    @Test
    void aTerminalGetsABarPerRunRedrawnOnItsOwnLineAndAPipeGetsLines() {
        StringWriter bar = new StringWriter();
        CycleProgress terminal = new CycleProgress(new PrintWriter(bar, true), true, EngineConfig.reference(),
                List.of("dtc seed 1", "random seed 1"));
        terminal.start();
        String waiting = "dtc seed 1             waiting" + System.lineSeparator()
                + "random seed 1          waiting" + System.lineSeparator();
        assertThat(bar.toString()).isEqualTo(waiting);
        terminal.cycle(0, record(15, 91));
        int before = bar.toString().length();
        terminal.cycle(0, record(16, 81));
        // Two lines up to the first run's bar, rewritten and cleared to the end, then two down;
        // 0.5 s over 2 cycles seen, 17 of 34 done: 17 x 0.25 s left.
        assertThat(bar.toString().substring(before))
                .startsWith("\033[2A\rdtc seed 1             [###############...............] cycle 17/34")
                .contains("hidden 81").contains("accuracy 0.9512").contains("ETA 4 s")
                .endsWith("\033[K\033[2B\r");
        StringWriter lines = new StringWriter();
        CycleProgress pipe = new CycleProgress(new PrintWriter(lines, true), false, EngineConfig.reference(),
                List.of("dtc seed 1"));
        pipe.start();
        pipe.cycle(0, record(0, 460));
        assertThat(lines.toString()).isEqualTo("dtc seed 1 cycle 0: hidden 460, accuracy 0.9512, loss 0.1000, 0.3 s"
                + System.lineSeparator());
    }
}
