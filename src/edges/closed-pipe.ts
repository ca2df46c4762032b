// `bgsvc logs | head`: once the reader has what it wants it closes the pipe,
// and bgsvc's next write fails with EPIPE. That is the reader's choice, not a
// failure of bgsvc, so it must not surface as an unhandled 'error' event and a
// stack trace. Node ignores SIGPIPE, so the error event is the only sign.
export function onClosedPipe(stream: NodeJS.WritableStream, whenClosed: () => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    whenClosed();
  });
}
