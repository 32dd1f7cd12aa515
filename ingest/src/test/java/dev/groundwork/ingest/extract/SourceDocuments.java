package dev.groundwork.ingest.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Documents built in tests, so that no binary fixture needs explaining: PDFs (a page per text, 12 pt Helvetica) with
 * PDFBox, DOCX with POI, zips.
 */
public final class SourceDocuments {

    private SourceDocuments() {
    }

    /** A PDF with one line of text per page; {@code userPassword} non-null encrypts it. */
    public static byte[] pdf(String userPassword, String... pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX: a {@code Heading1} title, a paragraph, two bulleted items (the second nested), a {@code Heading2}, a
     * two-by-two table and a closing paragraph; the texts are given.
     */
    public static byte[] docx(String heading, String paragraph, String item, String nestedItem, String subheading,
            String[][] table, String closing) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styled(doc, "Heading1", heading);
            doc.createParagraph().createRun().setText(paragraph);
            listItem(doc, item, 0);
            listItem(doc, nestedItem, 1);
            styled(doc, "Heading2", subheading);
            XWPFTable t = doc.createTable(table.length, table[0].length);
            for (int r = 0; r < table.length; r++) {
                for (int c = 0; c < table[r].length; c++) {
                    t.getRow(r).getCell(c).setText(table[r][c]);
                }
            }
            doc.createParagraph().createRun().setText(closing);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void styled(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
    }

    private static void listItem(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(BigInteger.ONE);
        p.setNumILvl(BigInteger.valueOf(level));
        p.createRun().setText(text);
    }

    /** A zip of {@code entries} entries named {@code e0…}, each {@code size} zero bytes (a bomb when size is large). */
    public static byte[] zip(int entries, int size) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] zeros = new byte[Math.min(size, 1 << 20)];
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                for (int left = size; left > 0; left -= zeros.length) {
                    zip.write(zeros, 0, Math.min(left, zeros.length));
                }
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
