package io.imggenhub.vast.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The window icon in the sizes desktops ask for (drawn once by IconArt and committed, also in assets/). */
final class AppIcon {
    private static final int[] SIZES = {16, 32, 64, 256};

    private AppIcon() {}

    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("/io/imggenhub/vast/ui/icon-" + size + ".png")) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (java.io.IOException ignored) {
                // A missing icon size is cosmetic.
            }
        }
        return images;
    }
}
