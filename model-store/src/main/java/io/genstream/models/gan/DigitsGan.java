package io.genstream.models.gan;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** Both networks over one set of graph variables: what the trainer and the exporter build on. */
public final class DigitsGan {

    private final GanArchitecture arch;
    private final NetworkVariables generatorVars;
    private final NetworkVariables discriminatorVars;

    private DigitsGan(GanArchitecture arch, NetworkVariables generatorVars, NetworkVariables discriminatorVars) {
        this.arch = arch;
        this.generatorVars = generatorVars;
        this.discriminatorVars = discriminatorVars;
    }

    /** Declares the variables of both networks in {@code graph}. */
    public static DigitsGan declare(Graph graph, Ops tf, GanArchitecture arch) {
        return new DigitsGan(
                arch,
                NetworkVariables.declare(graph, tf, GeneratorNetwork.parameters(arch)),
                NetworkVariables.declare(graph, tf, DiscriminatorNetwork.parameters(arch)));
    }

    /** Every parameter of both networks, generator first. */
    public static List<ParameterSpec> parameters(GanArchitecture arch) {
        List<ParameterSpec> all = new ArrayList<>(GeneratorNetwork.parameters(arch));
        all.addAll(DiscriminatorNetwork.parameters(arch));
        return all;
    }

    public GanArchitecture architecture() {
        return arch;
    }

    public GeneratorNetwork generator() {
        return new GeneratorNetwork(arch.generatorLayout(), generatorVars);
    }

    public DiscriminatorNetwork discriminator() {
        return new DiscriminatorNetwork(arch, discriminatorVars);
    }

    public NetworkVariables generatorVariables() {
        return generatorVars;
    }

    public NetworkVariables discriminatorVariables() {
        return discriminatorVars;
    }
}
