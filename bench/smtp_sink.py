#!/usr/bin/env python3
"""A tiny SMTP sink for the benchmark: accepts every message on 127.0.0.1 and writes one line
"<epoch ms>\t<recipient>\t<code>" per message to a file (the code is the first line of the text
part that is 6 to 10 digits alone). Nothing is relayed. Standard library only (asyncio).

    python3 smtp_sink.py PORT OUTFILE
"""
import asyncio
import re
import sys
import time

CODE = re.compile(rb"^\s*(\d{6,10})\s*$", re.M)


class Sink:
    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle(self, reader, writer):
        def send(line):
            writer.write(line + b"\r\n")

        rcpts = []
        try:
            send(b"220 bench-sink ESMTP")
            while True:
                line = await reader.readline()
                if not line:
                    break
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    send(b"250 bench-sink")
                elif verb == b"MAIL":
                    rcpts = []
                    send(b"250 OK")
                elif verb == b"RCPT":
                    m = re.search(rb"<([^>]*)>", line)
                    rcpts.append(m.group(1).decode() if m else "")
                    send(b"250 OK")
                elif verb == b"DATA":
                    send(b"354 End data with <CR><LF>.<CR><LF>")
                    await writer.drain()
                    data = await reader.readuntil(b"\r\n.\r\n")
                    m = CODE.search(data)
                    code = m.group(1).decode() if m else "-"
                    stamp = int(time.time() * 1000)
                    for r in rcpts:
                        self.out.write(f"{stamp}\t{r}\t{code}\n")
                    self.out.flush()
                    self.count += 1
                    send(b"250 OK queued")
                elif verb == b"QUIT":
                    send(b"221 Bye")
                    await writer.drain()
                    break
                else:  # RSET, NOOP and anything else
                    send(b"250 OK")
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()


async def main(port, path):
    with open(path, "a", buffering=1 << 16) as out:
        sink = Sink(out)
        server = await asyncio.start_server(sink.handle, "127.0.0.1", port, limit=1 << 20, backlog=512)
        print(f"smtp sink listening on 127.0.0.1:{port}, writing {path}", flush=True)
        async with server:
            await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
