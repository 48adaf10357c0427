package io.imggenhub.vast.ui.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: JavaFX auto-sizes a column still at its default width when the table first shows, by building and
 * measuring a row of cells for each item (~50 ms of the window's first frame for one column). The instance
 * table sizes its columns itself (ColumnFit), so none may start there.
 */
@ExtendWith(ApplicationExtension.class)
class InstanceTableColumnsTest {
    @Test
    void noColumnStartsAtTheWidthJavaFxAutoSizes() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> atDefault = WaitForAsyncUtils.asyncFx(() -> {
                    double javaFxDefault = new TableColumn<InstanceRow, Object>().getPrefWidth();
                    InstanceTable table = new InstanceTable(new MonitorViewModel(), row -> {});
                    assertEquals(9, table.view().getColumns().size());
                    return table.view().getColumns().stream()
                            .filter(c -> c.getPrefWidth() == javaFxDefault)
                            .map(TableColumn::getId)
                            .toList();
                })
                .get(30, TimeUnit.SECONDS);
        assertTrue(atDefault.isEmpty(), "columns at JavaFX's default width, auto-sized at first show: " + atDefault);
    }
}
