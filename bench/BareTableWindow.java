import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The floor the window is measured against (bench/window-startup.sh): a bare JavaFX window with a 6-row TableView,
 * run on the same runtime image, reporting the first pulse after its rows were laid out the way the app's
 * startup probe does, then exiting.
 */
public final class BareTableWindow extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        TableView<String[]> table = new TableView<>();
        String[] names = {"ID", "GPU", "Status", "$/hr", "Uptime", "SSH"};
        for (int c = 0; c < names.length; c++) {
            int column = c;
            TableColumn<String[], String> col = new TableColumn<>(names[c]);
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()[column]));
            table.getColumns().add(col);
        }
        for (int r = 0; r < 6; r++) {
            table.getItems().add(new String[] {"2811635" + r, "RTX 4090", "running", "$0.4000", "1h 2m",
                    "root@10.0.0." + r + ":2222"});
        }
        Scene scene = new Scene(table, 1320, 800);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.err.println("bare-window: first table with " + table.getItems().size()
                        + " row(s) painted at epoch ms " + System.currentTimeMillis());
                Platform.exit();
            }
        });
        stage.setTitle("Bare table");
        stage.setScene(scene);
        stage.show();
    }
}
