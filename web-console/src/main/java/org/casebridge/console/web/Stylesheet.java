package org.casebridge.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * GOV.UK Frontend's stylesheet cut to what the console's pages use: its precompiled CSS styles every component of the
 * design system (132 KB), and the console uses about half of them. At start the console reads the class names its
 * templates and scripts name and keeps each rule whose classes belong to a component one of them names (all of that
 * component's elements and modifiers, so the states GOV.UK Frontend's script adds stay styled) or is a named
 * override class ({@code govuk-!-margin-bottom-0}); rules that name no class (the page's base styles) stay too. The
 * GDS Transport font faces go: the console sets its own font (see console.css). A class named only in Java code must
 * also appear in a template (StylesheetTest holds this). Served at a URL with its content's hash (the layout links
 * {@code @{/styles/govuk-frontend.css}}), so browsers keep it for a year and fetch it again only when it changes.
 */
@Configuration
public class Stylesheet implements WebMvcConfigurer {

    static final String PATH = "govuk-frontend.css";
    private static final Pattern CLASS_NAME = Pattern.compile("govuk-[a-z0-9_!-]+");
    private static final Pattern CLASS_IN_SELECTOR = Pattern.compile("\\.(govuk-(?:[a-zA-Z0-9_-]|\\\\.)+)");

    private final Resource css;

    Stylesheet() {
        ResourcePatternResolver resources = new PathMatchingResourcePatternResolver(Stylesheet.class.getClassLoader());
        StringBuilder used = new StringBuilder();
        try {
            for (String pattern : new String[] {"classpath*:templates/**/*.html", "classpath*:static/**/*.js"}) {
                for (Resource resource : resources.getResources(pattern)) {
                    used.append(read(resource)).append('\n');
                }
            }
            Resource[] full = resources.getResources(
                    "classpath*:META-INF/resources/webjars/govuk-frontend/*/dist/govuk/govuk-frontend.min.css");
            if (full.length != 1) {
                throw new IllegalStateException("expected one GOV.UK Frontend stylesheet, found " + full.length);
            }
            this.css = new CutStylesheet(cut(read(full[0]), used.toString()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code @{/styles/govuk-frontend.css}} in a template becomes /styles/govuk-frontend-{md5 of the content}.css. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/styles/**")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new AbstractResourceResolver() {
                    @Override
                    protected Resource resolveResourceInternal(HttpServletRequest request, String path,
                            List<? extends Resource> locations, ResourceResolverChain chain) {
                        return PATH.equals(path) ? css : null;
                    }

                    @Override
                    protected String resolveUrlPathInternal(String path, List<? extends Resource> locations,
                            ResourceResolverChain chain) {
                        return PATH.equals(path) ? path : null;
                    }
                });
    }

    /** The cut stylesheet, held in memory; its name gives its media type, the console's start its last change. */
    private static final class CutStylesheet extends ByteArrayResource {

        private final long made = System.currentTimeMillis();

        CutStylesheet(byte[] content) {
            super(content, "GOV.UK Frontend's stylesheet, cut to the console's pages");
        }

        @Override
        public String getFilename() {
            return PATH;
        }

        @Override
        public long lastModified() {
            return made;
        }
    }

    /** The rules of {@code fullCss} that style a class named in {@code used}, and every rule that names no class. */
    static String cut(String fullCss, String used) {
        Set<String> names = new HashSet<>();
        Matcher named = CLASS_NAME.matcher(used);
        while (named.find()) {
            names.add(named.group());
        }
        Set<String> components = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (String name : names) {
            if (name.endsWith("-")) {
                prefixes.add(name); // a class put together in a template: 'govuk-tag--' + ${colour}
            }
            if (!name.contains("!")) {
                components.add(component(name));
            }
        }
        StringBuilder kept = new StringBuilder(fullCss.length() / 2);
        keep(fullCss, 0, fullCss.length(), names, components, prefixes, kept);
        return kept.toString();
    }

    /** Copies the kept rules of css[from, to) into {@code kept}; @media and @supports blocks are cut the same way. */
    private static void keep(String css, int from, int to, Set<String> names, Set<String> components,
            Set<String> prefixes, StringBuilder kept) {
        int at = from;
        while (at < to) {
            if (css.startsWith("@charset", at)) {
                int end = css.indexOf(';', at) + 1;
                kept.append(css, at, end);
                at = end;
                continue;
            }
            int open = css.indexOf('{', at);
            if (open < 0 || open >= to) {
                break;
            }
            int close = closing(css, open);
            String head = css.substring(at, open).trim();
            if (head.startsWith("@media") || head.startsWith("@supports")) {
                StringBuilder inner = new StringBuilder();
                keep(css, open + 1, close, names, components, prefixes, inner);
                if (!inner.isEmpty()) {
                    kept.append(head).append('{').append(inner).append('}');
                }
            } else if (head.startsWith("@font-face")) {
                // GDS Transport is for GOV.UK services only; the console's own stylesheet sets Arial
            } else if (head.startsWith("@")) {
                kept.append(css, at, close + 1);
            } else {
                StringBuilder selectors = new StringBuilder();
                for (String selector : head.split(",")) {
                    if (styles(selector, names, components, prefixes)) {
                        selectors.append(selectors.isEmpty() ? "" : ",").append(selector);
                    }
                }
                if (!selectors.isEmpty()) {
                    kept.append(selectors).append(css, open, close + 1);
                }
            }
            at = close + 1;
        }
    }

    private static boolean styles(String selector, Set<String> names, Set<String> components, Set<String> prefixes) {
        Matcher classes = CLASS_IN_SELECTOR.matcher(selector);
        while (classes.find()) {
            String name = classes.group(1).replace("\\", "");
            String component = component(name);
            boolean used = names.contains(name) || prefixes.stream().anyMatch(name::startsWith)
                    || !name.contains("!") && (components.contains(component)
                            // a component's own helper class: govuk-skip-link-focused-element
                            || components.stream().anyMatch(c -> component.startsWith(c + "-")));
            if (!used) {
                return false;
            }
        }
        return true;
    }

    /** govuk-summary-list__row--no-actions belongs to govuk-summary-list. */
    private static String component(String name) {
        int element = name.indexOf("__");
        int modifier = name.indexOf("--");
        int end = element < 0 ? modifier : modifier < 0 ? element : Math.min(element, modifier);
        return end < 0 ? name : name.substring(0, end);
    }

    private static int closing(String css, int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces in GOV.UK Frontend's stylesheet");
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
