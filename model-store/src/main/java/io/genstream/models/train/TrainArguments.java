package io.genstream.models.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's training arguments after its name: {@code --option value} pairs and the
 * {@code --overwrite} flag, checked against the options the model knows.
 *
 * @param values option → value, for the options given
 * @param overwrite whether {@code --overwrite} was given
 */
record TrainArguments(Map<String, String> values, boolean overwrite) {

    /** @throws IllegalArgumentException naming an unknown option or one without its value, with {@code usage} */
    static TrainArguments parse(List<String> args, Set<String> valued, String usage) {
        Map<String, String> given = new HashMap<>();
        boolean overwrite = false;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--overwrite")) {
                overwrite = true;
            } else if (!valued.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option + "\n" + usage);
            } else if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value\n" + usage);
            } else {
                given.put(option, args.get(++i));
            }
        }
        return new TrainArguments(given, overwrite);
    }
}
