/** A faithful Vast.ai server for demos, tests and benchmarks: real HTTP, billing clock, faults. No JavaFX. */
package io.imggenhub.vast.sim;
