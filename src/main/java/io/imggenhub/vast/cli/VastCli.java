package io.imggenhub.vast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code imggenhub-vast} command line: thin commands over the shared core. */
@Command(name = "imggenhub-vast", mixinStandardHelpOptions = true, versionProvider = VastCli.Version.class,
        description = "Watch and control what your Vast.ai GPU rentals cost.",
        subcommands = {SimulatorCommand.class})
public final class VastCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int run(String... args) {
        return new CommandLine(new VastCli()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"imggenhub-vast 0.1.0"};
        }
    }
}
