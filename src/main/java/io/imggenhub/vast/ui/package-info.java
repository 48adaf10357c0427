/** The JavaFX desktop window: views hold nodes, view models hold state, services do the work. */
package io.imggenhub.vast.ui;
