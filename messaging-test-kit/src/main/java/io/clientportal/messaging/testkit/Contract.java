package io.clientportal.messaging.testkit;

/** The base of each concern's contract tests: the world they run in. */
public abstract class Contract {

    /** The fixture of the current test, in a fresh tenant. */
    protected abstract ContractFixture world();
}
