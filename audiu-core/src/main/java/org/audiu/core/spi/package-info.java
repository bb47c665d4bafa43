/**
 * The plugin API: {@link org.audiu.core.spi.PluginFactory} (a named factory found through
 * {@link java.util.ServiceLoader}), {@link org.audiu.core.spi.PluginKind} (how a kind is selected and configured,
 * with the one scoping rule for parameters) and {@link org.audiu.core.spi.PluginContext}. Each kind has its own
 * sub-package holding its interface, its factory and the types the interface uses:
 * {@code library}, {@code candidates}, {@code features}, {@code preference}, {@code listener}, {@code training},
 * {@code sink}. The registries live in {@code org.audiu.core.plugin}.
 */
package org.audiu.core.spi;
