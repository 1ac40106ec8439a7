package io.clientportal.messaging.spring.web.host;

import org.springframework.data.jpa.repository.JpaRepository;

/** The host's Spring Data repository. */
public interface InvoiceRepository extends JpaRepository<Invoice, Long> {
}
