import { Card, Empty, Typography } from 'antd';

/** A section not built yet: says so plainly and what it will hold. No fake data. */
export function ComingSection({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <Card title={title}>
      <Empty
        description={
          <div style={{ textAlign: 'left', display: 'inline-block' }}>
            <Typography.Paragraph strong>本栏目还在建设中，下一版本提供。届时可以：</Typography.Paragraph>
            <ul>
              {items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        }
      />
    </Card>
  );
}
