/**
 * The small helpers every feature of the window shares: background work ({@link io.imggenhub.vast.ui.common.TaskRunner},
 * {@link io.imggenhub.vast.ui.common.BackgroundTask}), the yes/no question before anything irreversible
 * ({@link io.imggenhub.vast.ui.common.Confirmer}), the banner message and the board view models post it to
 * ({@link io.imggenhub.vast.ui.common.Banner}, {@link io.imggenhub.vast.ui.common.BannerBoard}), how money and times
 * read ({@link io.imggenhub.vast.ui.common.Format}), tooltips made on first hover
 * ({@link io.imggenhub.vast.ui.common.LazyTip}) and links to Vast's console
 * ({@link io.imggenhub.vast.ui.common.WebLinks}). Only what at least two features use lives here.
 */
package io.imggenhub.vast.ui.common;
