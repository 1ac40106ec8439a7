package io.clientportal.messaging.spring.jpa;

import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

import java.util.Locale;

/**
 * Keeps Hibernate's schema tooling ({@code spring.jpa.hibernate.ddl-auto}) away from the messaging tables: they come
 * from the store's versioned scripts only, never from generated DDL, even when the host generates its own tables.
 */
public final class MessagingTablesSchemaFilterProvider implements SchemaFilterProvider {

    private static final String PREFIX = "messaging_";

    private static final SchemaFilter WITHOUT_MESSAGING_TABLES = new SchemaFilter() {
        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(Table table) {
            return !isMessaging(table.getName());
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return !isMessaging(sequence.getName().getSequenceName().getText());
        }
    };

    @Override
    public SchemaFilter getCreateFilter() {
        return WITHOUT_MESSAGING_TABLES;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return WITHOUT_MESSAGING_TABLES;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return WITHOUT_MESSAGING_TABLES;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return WITHOUT_MESSAGING_TABLES;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return WITHOUT_MESSAGING_TABLES;
    }

    private static boolean isMessaging(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).replace("\"", "").startsWith(PREFIX);
    }
}
