package io.imggenhub.vast.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the simulator command is being written. */
@Command(name = "simulator", description = "Run the bundled Vast.ai simulator until killed.")
public final class SimulatorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
