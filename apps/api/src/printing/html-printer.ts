import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { chromium } from 'playwright-core';
import { ApiConfig } from '../config/api-config.service';

/** How Chromium runs here: headless, no sandbox (containers), nothing that reaches out to the network. */
export const CHROMIUM_ARGUMENTS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PageSize {
  width: number;
  height: number;
}

/**
 * Prints a self-contained HTML document (inline styles and SVG, no external resources) with headless Chromium:
 * to PDF (A4), or as a PNG of its first screen. One browser per document, in a fresh profile removed afterwards,
 * so no state is shared between documents (the annual report now, the violation file later). Without a
 * configured, executable Chromium it answers 503.
 */
@Injectable()
export class HtmlPrinter {
  constructor(private readonly config: ApiConfig) {}

  async pdf(html: string): Promise<Buffer> {
    return this.withPage(html, { width: 1240, height: 1754 }, (page) =>
      page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      }),
    );
  }

  async png(html: string, size: PageSize = { width: 1240, height: 1754 }): Promise<Buffer> {
    return this.withPage(html, size, (page) => page.screenshot({ type: 'png', fullPage: false }));
  }

  /** Whether a browser is configured and executable. */
  async available(): Promise<boolean> {
    const path = this.config.chromiumPath;
    if (!path) return false;
    return access(path, constants.X_OK).then(
      () => true,
      () => false,
    );
  }

  private async withPage<T>(
    html: string,
    size: PageSize,
    use: (page: import('playwright-core').Page) => Promise<T>,
  ): Promise<T> {
    if (!(await this.available())) {
      throw new ServiceUnavailableException(
        'no browser to print with: set CHROMIUM_PATH to a Chromium executable (e.g. /usr/bin/chromium)',
      );
    }
    const profile = await mkdtemp(join(tmpdir(), 'inburgering-print-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: this.config.chromiumPath,
        headless: true,
        args: CHROMIUM_ARGUMENTS,
        viewport: size,
        offline: true,
      });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await use(page);
      } finally {
        await context.close();
      }
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  }
}
