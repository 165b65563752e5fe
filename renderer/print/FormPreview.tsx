/**
 * 打印预览: the form on a sheet of paper as it will print, then 打印 (the printer) or 保存为PDF.
 * Elderly secretaries check the paper before it is used up; nothing prints without this look first.
 */
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space } from 'antd';
import type { FormDocument } from '@shared/forms/document';
import { FormPrint } from './FormPrint';
import { printDocument, printOnPaper } from './print-job';

export function FormPreview({ form: forms, fileName, onClose }: { form: FormDocument | readonly FormDocument[]; fileName: string; onClose: () => void }) {
  const pages: readonly FormDocument[] = Array.isArray(forms) ? forms : [forms as FormDocument];
  const form = pages[0]!;
  const { message } = App.useApp();
  const document = (
    <>
      {pages.map((page, i) => (
        <FormPrint key={i} form={page} />
      ))}
    </>
  );
  const toPdf = async () => {
    try {
      const saved = await printDocument(document, { suggestedName: `${fileName}.pdf`, ...(form.landscape ? { landscape: true } : {}) });
      if (saved.saved) message.success(`已保存：${saved.path ?? fileName}`);
    } catch (error) {
      message.error(`保存PDF失败：${(error as Error).message}`);
    }
  };
  const toPaper = async () => {
    try {
      await printOnPaper(document);
    } catch (error) {
      message.error(`打印失败：${(error as Error).message}`);
    }
  };
  return (
    <Modal
      open
      width={960}
      title={`打印预览：${form.title}${form.subtitle?.startsWith('（') ? form.subtitle : ''}`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void toPdf()}>
            保存为PDF
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => void toPaper()}>
            打印
          </Button>
        </Space>
      }
    >
      <div className="form-preview" data-testid="form-preview">
        {document}
      </div>
    </Modal>
  );
}
