package com.acme.inventory.platform.web;

import com.acme.inventory.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies above a limit with 413: at once when Content-Length says so, and while
 * reading when the body is chunked. Tomcat's own limits cover form posts only. A body that trickles in
 * (each read within Tomcat's timeout, the whole never done) ends when it has taken longer than the read
 * timeout: it holds a request thread all that time.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long readTimeoutNanos;
    private final ProblemWriter problemWriter;

    public RequestBodyLimitFilter(long maxBytes, Duration readTimeout, ProblemWriter problemWriter) {
        this.maxBytes = maxBytes;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problemWriter.write(
                    request,
                    response,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes, System.nanoTime() + readTimeoutNanos), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final long deadlineNanos;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, long deadlineNanos) {
            super(request);
            this.maxBytes = maxBytes;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes, deadlineNanos);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private final long deadlineNanos;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes, long deadlineNanos) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new BodyReadTimeoutException();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
