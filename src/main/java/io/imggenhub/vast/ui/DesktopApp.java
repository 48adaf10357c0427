package io.imggenhub.vast.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop window (a placeholder until the cost monitor lands). */
public final class DesktopApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("imggenhub-vast");
        stage.setScene(new Scene(new StackPane(new Label("imggenhub-vast: cost monitor coming soon")), 640, 400));
        stage.show();
    }
}
