package org.audiu.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * A kind of plugin: its factory interface, the word used in messages, the configuration key that selects it and the
 * section its parameters live under. Each kind's constant sits on its factory interface ({@code TrainerFactory.KIND}).
 *
 * <p><b>The scoping rule</b>, the same for every kind: a component named {@code N} reads its parameters from
 * {@code <section>.N.<key>}. A kind that selects a single component ({@link Selection#ONE}, {@link Selection#OPTIONAL})
 * also accepts the short form {@code <section>.<key>}; when both are given the scoped one wins, and keys scoped to
 * another registered plugin of the kind are kept for when it is selected (so switching is a one-key change), and
 * checked against that plugin when the selected one is created (a typo there is an error too). A kind
 * that selects a list ({@link Selection#LIST}) takes only the scoped form, for a name in the list.
 *
 * @param label            the word used in messages ("trainer")
 * @param factoryType      the factory interface listed in {@code META-INF/services}
 * @param configKey        the key that selects the component(s) ({@code model})
 * @param section          the prefix of its parameters, without the dot ({@code model})
 * @param selection        one component, an optional one, or a list
 * @param defaultSelection the name(s) selected when the key is absent (comma-separated for lists; empty: none)
 * @param whereToFind      which jars provide the built-in ones, for "not found" messages
 * @param <F>              the factory interface
 */
public record PluginKind<F extends PluginFactory<?>>(String label, Class<F> factoryType, String configKey,
                                                     String section, Selection selection, String defaultSelection,
                                                     String whereToFind) {
    /**
     * How a configuration selects components of a kind: one, an optional one, a list, or none directly
     * ({@code NESTED}: another component builds them through its {@link PluginContext}, as the weighted scorer does
     * its signals, with the parameters under its own section).
     */
    public enum Selection { ONE, OPTIONAL, LIST, NESTED }

    public PluginKind {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(factoryType, "factoryType");
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(defaultSelection, "defaultSelection");
        Objects.requireNonNull(whereToFind, "whereToFind");
    }

    /** The default names, in order (one for single-choice kinds; none when nothing is selected by default). */
    public List<String> defaultNames() {
        return List.of(defaultSelection.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The prefix of a parameter key, with the dot ({@code model.}). */
    public String sectionPrefix() {
        return section + ".";
    }
}
