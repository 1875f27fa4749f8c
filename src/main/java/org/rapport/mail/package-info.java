/**
 * Mail that is never lost and never sent twice: a transactional outbox. A module queues a
 * {@link org.rapport.mail.Mail} with {@link org.rapport.mail.MailOutbox#queue} inside the
 * transaction of what causes it; a worker on one server at a time sends what is due through
 * Spring Boot's {@code spring.mail.*} SMTP settings, retrying with a growing wait, or writes it to
 * a folder when no mail server is set. Admins see what became of each message.
 */
@NullMarked
package org.rapport.mail;

import org.jspecify.annotations.NullMarked;
