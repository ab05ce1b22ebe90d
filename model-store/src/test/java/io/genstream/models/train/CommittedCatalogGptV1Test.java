package io.genstream.models.train;

/** {@code catalog-gpt/1}: one state tensor {@code [rows, stateSize]}, the KV cache written by mask arithmetic. */
class CommittedCatalogGptV1Test extends CommittedCatalogGptChecks {

    CommittedCatalogGptV1Test() {
        super("1");
    }
}
