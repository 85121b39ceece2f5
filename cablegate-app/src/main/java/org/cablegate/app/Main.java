package org.cablegate.app;

import org.cablegate.app.command.CablegateCommand;

/** Entry point of the {@code cablegate} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(CablegateCommand.commandLine().execute(args));
    }
}
