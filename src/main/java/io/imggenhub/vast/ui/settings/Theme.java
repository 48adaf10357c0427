package io.imggenhub.vast.ui.settings;

import java.util.List;

/** The two looks; each is the shared base.css plus its own colours. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String file;

    Theme(String file) {
        this.file = file;
    }

    public List<String> stylesheets() {
        return List.of(url("base.css"), url(file));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        var resource = Theme.class.getResource("/io/imggenhub/vast/ui/" + name);
        if (resource == null) {
            throw new IllegalStateException("missing stylesheet " + name);
        }
        return resource.toExternalForm();
    }
}
