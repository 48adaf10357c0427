package io.imggenhub.vast.ui.common;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The banners currently shown, newest subject last. Safe to call from any thread: changes hop to the FX thread. */
public final class BannerBoard implements AlertSink {
    private final ObservableList<Banner> banners = FXCollections.observableArrayList();
    private final ObservableList<Banner> readOnly = FXCollections.unmodifiableObservableList(banners);
    private final Executor toFx;

    public BannerBoard() {
        this(Platform::runLater);
    }

    /** {@code toFx} hands a change to the FX thread when it comes from another ({@link TaskRunner#onUi} in tests). */
    BannerBoard(Executor toFx) {
        this.toFx = toFx;
    }

    @Override
    public void alert(Banner banner) {
        onFx(() -> {
            for (int i = 0; i < banners.size(); i++) {
                if (banners.get(i).key().equals(banner.key())) {
                    banners.set(i, banner);
                    return;
                }
            }
            banners.add(banner);
        });
    }

    public void dismiss(String key) {
        onFx(() -> banners.removeIf(b -> b.key().equals(key)));
    }

    public Optional<Banner> find(String key) {
        return banners.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    public ObservableList<Banner> banners() {
        return readOnly;
    }

    private void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            toFx.execute(action);
        }
    }
}
