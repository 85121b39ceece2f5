package org.cablegate.app;

/** Entry point of the {@code cablegate} command. */
public final class Main {
    public static void main(String[] args) {
        System.exit(0);
    }
}
