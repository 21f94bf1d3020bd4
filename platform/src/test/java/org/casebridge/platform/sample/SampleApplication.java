package org.casebridge.platform.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service built only on the platform starter, to test the starter as services use it. */
@SpringBootApplication
public class SampleApplication {
}
