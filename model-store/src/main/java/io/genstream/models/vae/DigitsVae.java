package io.genstream.models.vae;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

import io.genstream.models.gan.GeneratorNetwork;
import io.genstream.models.gan.NetworkVariables;
import io.genstream.models.gan.ParameterSpec;

/** Encoder and decoder over one set of graph variables: what the trainer and the exporter build on. */
public final class DigitsVae {

    private final VaeArchitecture arch;
    private final NetworkVariables vars;

    private DigitsVae(VaeArchitecture arch, NetworkVariables vars) {
        this.arch = arch;
        this.vars = vars;
    }

    /** Declares the variables of both networks in {@code graph}. */
    public static DigitsVae declare(Graph graph, Ops tf, VaeArchitecture arch) {
        return new DigitsVae(arch, NetworkVariables.declare(graph, tf, parameters(arch)));
    }

    /** Every parameter of both networks, encoder first. */
    public static List<ParameterSpec> parameters(VaeArchitecture arch) {
        List<ParameterSpec> all = new ArrayList<>(EncoderNetwork.parameters(arch));
        all.addAll(GeneratorNetwork.parameters(arch.decoderLayout()));
        return List.copyOf(all);
    }

    public VaeArchitecture architecture() {
        return arch;
    }

    public EncoderNetwork encoder() {
        return new EncoderNetwork(arch, vars);
    }

    /** p(image | z, label): the pixel logits, or the images (their sigmoid) in [0, 1]. */
    public GeneratorNetwork decoder() {
        return new GeneratorNetwork(arch.decoderLayout(), vars);
    }

    public NetworkVariables variables() {
        return vars;
    }
}
