package io.imggenhub.vast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list handler's cheap columns must be exactly what the full row says (vast-api.md §3.1, §4). */
class ListedRowTest {
    @Test
    void everyStoredColumnReadsTheSameAsTheFullRow() {
        try (VastSimulator sim = VastSimulator.start(SimulatorConfig.defaults().withInstances(40))) {
            sim.state().addInstance("RTX 4090", 1, 0.4, null);
            List<Map<String, Object>> rows = sim.state().instanceRows();
            for (Map<String, Object> row : rows) {
                Map<String, Object> full = ((ListedRow) row).full();
                for (String column : InstanceListHandler.STORED_COLUMNS) {
                    assertEquals(full.get(column), row.get(column), column + " of " + full.get("id"));
                }
                assertEquals(full.entrySet(), row.entrySet(), "the row sent is the full row");
            }
        }
    }
}
