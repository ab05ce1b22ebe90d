package io.genstream.app.cli;

import io.genstream.app.bench.BenchCommand;
import io.genstream.app.config.ConfigKey;
import io.genstream.app.config.GenstreamConfig;
import java.io.PrintStream;

/** {@code java -jar genstream.jar <command>}: demo, run, bench, models, help. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status;
        try {
            status = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("genstream: " + e.getMessage());
            System.err.println("Run 'genstream help' for usage.");
            status = 2;
        } catch (Exception e) {
            System.err.println("genstream: " + e.getMessage());
            e.printStackTrace(System.err);
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args, PrintStream out) throws Exception {
        if (args.length >= 2 && args[0].equals("models") && args[1].equals("train")) {
            return ModelsCommand.train(args, out);
        }
        CommandLine line = CommandLine.parse(args);
        GenstreamConfig config = GenstreamConfig.load(line.configFile(), System.getenv(), line.flags());
        return switch (line.word(0)) {
            case "demo" -> DemoCommand.run(config, out);
            case "run" -> RunCommand.run(config, out);
            case "bench" -> BenchCommand.run(config, line.flags(), out);
            case "models" -> ModelsCommand.run(line, config, out);
            case "", "help", "-h" -> usage(out);
            default -> throw new IllegalArgumentException("unknown command '" + line.word(0) + "'");
        };
    }

    private static int usage(PrintStream out) {
        out.println("""
                usage: java -jar stream-app/target/genstream.jar <command> [--config FILE] [--key value ...]

                commands:
                  demo                          embedded Kafka on 127.0.0.1:9092, bundled models, sample traffic
                  run --bootstrap-servers H:P   the service against any Kafka cluster
                  bench [--json FILE] [--duration-per-phase S] [--latency-duration S]
                        [--limit-batch-sizes 1,8,...] [--baseline-events N] [--genstream-events N]
                                                model limit vs per-record baseline vs genstream, latency at 50% load
                  models list [--bootstrap-servers H:P]
                                                every model version, whether it verifies, and its route weight
                  models verify                 check every model's files against its manifest
                  models promote ALIAS VERSION  send all of ALIAS's traffic to VERSION (routes topic)
                  models route ALIAS V1=W1 [V2=W2 ...] [--max-frechet-distance X] [--min-realism X]
                        [--min-grammar-valid-rate X]
                                                split ALIAS's traffic by weight, with an optional quality gate
                  models train digits-gan|digits-vae|digits-eval [--out DIR] [--steps N] [--seed S]
                                                retrain a model reproducibly

                configuration keys (flag --key value, env GENSTREAM_KEY, or a --config properties file):""");
        for (ConfigKey<?> key : GenstreamConfig.KEYS) {
            out.printf("  %-32s %s (default: %s)%n", key.name(), key.doc(), key.defaultValue());
        }
        out.println("  kafka.*                          passed to every Kafka client, e.g. kafka.security.protocol");
        return 0;
    }
}
