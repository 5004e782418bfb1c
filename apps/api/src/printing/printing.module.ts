import { Module } from '@nestjs/common';
import { HtmlPrinter } from './html-printer';

/** HTML to PDF (and PNG) with headless Chromium, for the reports and documents the API hands out. */
@Module({ providers: [HtmlPrinter], exports: [HtmlPrinter] })
export class PrintingModule {}
