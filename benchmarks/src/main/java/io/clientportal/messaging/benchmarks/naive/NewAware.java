package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Entities with assigned keys: {@code save} persists new ones instead of merging (which would select first), the
 * way Spring Data's reference documentation recommends.
 */
@MappedSuperclass
public abstract class NewAware<K> implements Persistable<K> {

    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        fresh = false;
    }
}
