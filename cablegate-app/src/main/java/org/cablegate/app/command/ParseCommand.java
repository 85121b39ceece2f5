package org.cablegate.app.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cablegate.core.json.CableJson;
import org.cablegate.core.json.JsonWriter;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cablegate parse SOURCE...}: prints every cable of the sources as JSON, one object per cable. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse cables and print each as a JSON object (nothing is stored).")
final class ParseCommand implements Callable<Integer> {
    enum Format { json, jsonl }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "cables.csv(.gz), site pages (directory or archive), or plain-text cables.")
    List<Path> sources;

    @Option(names = "--format", defaultValue = "json", description = "json (indented) or jsonl (one line each). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--with-text", description = "Include the raw header and body texts.")
    boolean withText;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CableParser parser = new CableParser();
        int[] rejected = {0};
        StringBuilder buffer = new StringBuilder();
        CableSink sink = new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                buffer.setLength(0);
                CableJson.write(parser.parse(cable), new JsonWriter(buffer, format == Format.json), withText);
                out.append(buffer).append('\n');
            }

            @Override
            public void reject(Rejection rejection) {
                rejected[0]++;
                err.println("rejected " + rejection);
            }
        };
        for (Path source : sources) {
            Sources.read(source, sink);
        }
        out.flush();
        return rejected[0] == 0 ? ExitCode.OK : ExitCode.SOME_REJECTED;
    }
}
